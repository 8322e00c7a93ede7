const express = require('express');
const authController = require('../controllers/authController');
const { ensureLoggedIn } = require('../middleware/auth');

const router = express.Router();

router.post('/register', authController.register);
router.post('/login', authController.login);
router.post('/logout', authController.logout);
router.get('/me', ensureLoggedIn, authController.me);

module.exports = router;
